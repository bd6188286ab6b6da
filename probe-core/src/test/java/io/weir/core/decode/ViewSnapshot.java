package io.weir.core.decode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every value a {@link PacketView} exposes, taken through its public accessors (found by reflection,
 * so an accessor added later is compared too). Offsets into the buffer are made relative to the
 * frame, so that the same frame parsed at different buffer positions gives equal snapshots.
 */
final class ViewSnapshot
{
    private static final Set<String> OFFSETS = Set.of("frameOffset", "l3Offset", "l4Offset", "payloadOffset");
    private static final List<Method> ACCESSORS = accessors();

    private ViewSnapshot()
    {
    }

    private static List<Method> accessors()
    {
        final List<Method> methods = new ArrayList<>();
        for (final Method method : PacketView.class.getDeclaredMethods())
        {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                && method.getParameterCount() == 0 && method.getReturnType() != void.class
                && !"buffer".equals(method.getName()))
            {
                methods.add(method);
            }
        }
        if (methods.size() < 40)
        {
            throw new IllegalStateException("PacketView accessors not found: " + methods);
        }
        return methods;
    }

    static Map<String, Object> of(final PacketView view)
    {
        final Map<String, Object> values = new TreeMap<>();
        for (final Method method : ACCESSORS)
        {
            try
            {
                Object value = method.invoke(view);
                if (OFFSETS.contains(method.getName()) && (Integer)value >= 0)
                {
                    value = (Integer)value - view.frameOffset();
                }
                values.put(method.getName(), value);
            }
            catch (final IllegalAccessException | InvocationTargetException ex)
            {
                throw new IllegalStateException(method.getName(), ex);
            }
        }
        return values;
    }
}
