package com.muejam.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backends are loaded by class name; nothing here starts a service. */
class ModeTest {

    @Test
    void nativeIsTheDefaultAndTestcontainersIsChosenByTheProperty() {
        assertThat(Mode.implementation()).isEqualTo(Mode.NATIVE_IMPL);
        System.setProperty(LocalServices.MODE_PROPERTY, "testcontainers");
        try {
            assertThat(Mode.implementation()).isEqualTo(Mode.CONTAINERS_IMPL);
        } finally {
            System.clearProperty(LocalServices.MODE_PROPERTY);
        }
    }

    @Test
    void everyImplementationNamedExistsWithTheStaticEntryPoints() throws Exception {
        for (String name : new String[] {Mode.NATIVE_IMPL, Mode.CONTAINERS_IMPL}) {
            Class<?> type = Class.forName(name, false, ModeTest.class.getClassLoader());
            assertThat(LocalServices.class.isAssignableFrom(type)).as(name + " implements LocalServices").isTrue();
            for (Method m : new Method[] {type.getMethod("up", ServicesConfig.class), type.getMethod("attach", Path.class)}) {
                assertThat(Modifier.isStatic(m.getModifiers())).as(m.toString()).isTrue();
                assertThat(LocalServices.class.isAssignableFrom(m.getReturnType())).as(m.toString()).isTrue();
            }
        }
    }

    @Test
    void attachGoesThroughTheLoadedClassAndKeepsItsException(@TempDir Path empty) {
        assertThatThrownBy(() -> LocalServices.attach(empty))
                .isExactlyInstanceOf(ServicesException.class).hasMessageContaining("no local services state in");
    }

    @Test
    void theInterfaceNamesNoImplementation() throws IOException {
        try (InputStream in = LocalServices.class.getResourceAsStream("LocalServices.class")) {
            String classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(classFile).doesNotContain("com/muejam/services/internal");
        }
        assertThat(readSource("LocalServices.java")).doesNotContain("import com.muejam.services.internal");
        assertThat(readSource("Mode.java")).doesNotContain("import com.muejam.services.internal");
    }

    private static String readSource(String file) throws IOException {
        return Files.readString(Path.of("src/main/java/com/muejam/services", file));
    }
}
