package io.weir.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, from the resource Maven fills in. */
final class Version
{
    private Version()
    {
    }

    static String current()
    {
        try (InputStream in = Version.class.getResourceAsStream("/weir-version.properties"))
        {
            if (in == null)
            {
                return "unknown";
            }
            final Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
        catch (final IOException ex)
        {
            return "unknown (" + ex.getMessage() + ")";
        }
    }
}
