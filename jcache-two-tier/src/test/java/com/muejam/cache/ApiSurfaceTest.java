package com.muejam.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The split between API and implementation holds: what is public, what the module exports, what signatures name. */
class ApiSurfaceTest {

    private static final String INTERNAL = "com.muejam.cache.internal";

    private static Path classes() throws URISyntaxException {
        return Path.of(TwoTierCachingProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Top-level classes of a package, by name. */
    private static List<Class<?>> topLevel(String pkg) throws Exception {
        Path dir = classes().resolve(pkg.replace('.', '/'));
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.collect(Collectors.toList())) {
                String n = f.getFileName().toString();
                if (n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class")) {
                    out.add(Class.forName(pkg + "." + n.substring(0, n.length() - 6)));
                }
            }
        }
        return out;
    }

    private static Set<String> publicNames(List<Class<?>> types) {
        return types.stream().filter(c -> Modifier.isPublic(c.getModifiers())).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theApiPackageHoldsTheDocumentedTypes() throws Exception {
        assertThat(publicNames(topLevel("com.muejam.cache"))).containsExactly("BreakerState", "CacheStatistics",
                "KeyGenerator", "QueryCache", "SharedMarks", "Tags", "TwoTierCacheConfig", "TwoTierCacheManager",
                "TwoTierCachingProvider");
    }

    @Test
    void theImplementationIsPackagePrivateButForTheProvidersFactory() throws Exception {
        List<Class<?>> internal = topLevel(INTERNAL);
        assertThat(internal).hasSizeGreaterThan(20);
        assertThat(publicNames(internal)).containsExactly("Managers");
    }

    @Test
    void noApiSignatureNamesAnImplementationType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> api : topLevel("com.muejam.cache")) {
            List<Class<?>> types = new ArrayList<>(List.of(api.getDeclaredClasses()));
            types.add(api);
            for (Class<?> c : types) {
                for (Method m : c.getDeclaredMethods()) {
                    if (!Modifier.isPublic(m.getModifiers())) {
                        continue;
                    }
                    List<Type> named = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                    named.add(m.getGenericReturnType());
                    for (Type t : named) {
                        if (t.getTypeName().contains(INTERNAL + ".")) {
                            leaks.add(c.getSimpleName() + "." + m.getName() + ": " + t.getTypeName());
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theModuleExportsOnlyTheApiAndProvidesTheProvider() throws IOException, URISyntaxException {
        ModuleDescriptor module = ModuleFinder.of(classes()).find("com.muejam.cache").orElseThrow().descriptor();
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("com.muejam.cache");
        assertThat(module.provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo("javax.cache.spi.CachingProvider");
            assertThat(p.providers()).containsExactly(TwoTierCachingProvider.class.getName());
        });
    }
}
