package io.weir.cli;

import java.io.PrintStream;

import picocli.CommandLine;

/** Entry point of the {@code weir} command. */
public final class Main
{
    private Main()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err, Boolean.getBoolean("weir.tty"), true));
    }

    /** Runs the command line in this JVM and returns the exit code (0 ok, 1 failed input or output, 2 usage). */
    public static int run(final String[] args, final PrintStream out, final PrintStream err, final boolean terminal)
    {
        return run(args, out, err, terminal, false);
    }

    private static int run(final String[] args, final PrintStream out, final PrintStream err, final boolean terminal,
                           final boolean ownsProcess)
    {
        final CommandLine commandLine = new CommandLine(new WeirCommand(out, err, terminal, ownsProcess));
        commandLine.addSubcommand("decode", new DecodeCommand(out, err));
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((ex, arguments) ->
        {
            err.println("weir: " + ex.getMessage());
            if (ex.getCommandLine() != commandLine)
            {
                err.println(ex.getCommandLine().getUsageMessage().lines().findFirst().orElse(""));
                err.println("Try 'weir " + ex.getCommandLine().getCommandName() + " --help' for more.");
                return WeirCommand.EXIT_USAGE;
            }
            err.println("Usage: weir [-i SPEC]... [-s SPEC] [-p SPEC]... [-o SPEC]... [-c N] [FILE]...");
            err.println("Try 'weir -h' for more.");
            return WeirCommand.EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) ->
        {
            err.println("weir: internal error: " + ex);
            return WeirCommand.EXIT_FAILED;
        });
        return commandLine.execute(args);
    }
}
