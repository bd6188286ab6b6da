package io.weir.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's bundled captures and reference outputs are, for tests in any module. */
public final class TestData
{
    private TestData()
    {
    }

    /** The repository root: the {@code weir.root} property Maven sets, else the nearest parent with pcaps/. */
    public static Path root()
    {
        final String property = System.getProperty("weir.root");
        if (property != null && Files.isDirectory(Path.of(property, "pcaps")))
        {
            return Path.of(property);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("pcaps")))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("cannot find the repository's pcaps/ from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path capture(final String name)
    {
        return root().resolve("pcaps").resolve(name);
    }

    /** ipfixprobe's reference output for a plugin ("basic" for none), see pcaps/expected/README.md. */
    public static Path expected(final String name)
    {
        return root().resolve("pcaps").resolve("expected").resolve(name);
    }
}
