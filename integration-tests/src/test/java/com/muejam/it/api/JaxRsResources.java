package com.muejam.it.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;

/**
 * The JAX-RS resource methods of the EAR under test, found by reflection over the classes of its WAR (read from
 * the built EAR file itself, so the expectation follows whatever resources the deployment holds): every public
 * method carrying an HTTP-method annotation ({@code @GET}, {@code @POST}…, anything meta-annotated with
 * {@code @HttpMethod}) of a class annotated {@code @Path}, as {@code "METHOD /api/class-path/method-path"}, path
 * templates without their regular expressions ({@code {id: \d+}} becomes {@code {id}}, as in OpenAPI).
 * Sub-resource locators (a {@code @Path} method without an HTTP method) are reported as an error: the test would
 * have to follow their return types, which no resource needs today.
 */
public final class JaxRsResources {

    private JaxRsResources() {
    }

    /** {@code "POST /api/stories"}, … for the EAR at system property {@code muejam.ear}. */
    public static Set<String> operations() {
        return operations(Path.of(System.getProperty("muejam.ear")), "muejam-web.war");
    }

    public static Set<String> operations(Path ear, String warName) {
        try {
            Path dir = Files.createTempDirectory("muejam-war-classes");
            List<String> classNames = new ArrayList<>();
            List<URL> urls = new ArrayList<>();
            Path classes = dir.resolve("classes");
            try (ZipFile earZip = new ZipFile(ear.toFile())) {
                Enumeration<? extends ZipEntry> entries = earZip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (e.getName().equals(warName)) {
                        try (ZipInputStream war = new ZipInputStream(earZip.getInputStream(e))) {
                            for (ZipEntry w; (w = war.getNextEntry()) != null;) {
                                extractWarEntry(war, w, classes, dir, classNames, urls);
                            }
                        }
                    } else if (e.getName().endsWith(".jar")) { // lib/*.jar and the EJB module
                        Path jar = dir.resolve(e.getName().replace('/', '_'));
                        try (InputStream in = earZip.getInputStream(e)) {
                            Files.copy(in, jar);
                        }
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
            urls.add(0, classes.toUri().toURL());
            try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), JaxRsResources.class.getClassLoader())) {
                return operations(loader, classNames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void extractWarEntry(ZipInputStream war, ZipEntry w, Path classes, Path dir,
            List<String> classNames, List<URL> urls) throws IOException {
        String name = w.getName();
        if (w.isDirectory()) {
            return;
        }
        if (name.startsWith("WEB-INF/classes/")) {
            String relative = name.substring("WEB-INF/classes/".length());
            Path target = classes.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.copy(war, target);
            if (relative.endsWith(".class") && mentionsJaxRs(Files.readAllBytes(target))) {
                classNames.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
            }
        } else if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
            Path jar = dir.resolve("war_" + name.substring("WEB-INF/lib/".length()));
            Files.copy(war, jar);
            urls.add(jar.toUri().toURL());
        }
    }

    /**
     * Only classes whose constant pool names {@code @Path} or {@code @ApplicationPath} are loaded: the others may
     * need APIs the server provides but the test class path lacks (MicroProfile Health, for one).
     */
    private static boolean mentionsJaxRs(byte[] classFile) {
        String text = new String(classFile, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains("Ljakarta/ws/rs/Path;") || text.contains("Ljakarta/ws/rs/ApplicationPath;");
    }

    static Set<String> operations(ClassLoader loader, List<String> classNames) throws MalformedURLException {
        Set<String> result = new TreeSet<>();
        String applicationPath = null;
        List<Class<?>> resources = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name + " of the WAR", e);
            }
            ApplicationPath ap = type.getAnnotation(ApplicationPath.class);
            if (ap != null) {
                if (applicationPath != null) {
                    throw new IllegalStateException("more than one @ApplicationPath: " + applicationPath + ", " + ap.value());
                }
                applicationPath = ap.value();
            }
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers())) {
                resources.add(type);
            }
        }
        if (applicationPath == null) {
            throw new IllegalStateException("no @ApplicationPath class in the WAR");
        }
        for (Class<?> type : resources) {
            String classPath = type.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method m : type.getMethods()) {
                String verb = httpMethod(m);
                jakarta.ws.rs.Path methodPath = m.getAnnotation(jakarta.ws.rs.Path.class);
                if (verb == null) {
                    if (methodPath != null) {
                        throw new IllegalStateException("sub-resource locator " + m + ": not supported by this scan");
                    }
                    continue;
                }
                result.add(verb + " " + join(applicationPath, classPath, methodPath == null ? "" : methodPath.value()));
            }
        }
        return result;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    /** "/" + segments joined by single slashes, templates stripped of their regular expressions. */
    static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String p = stripTemplateRegex(part).replaceAll("^/+|/+$", "");
            if (!p.isEmpty()) {
                path.append('/').append(p);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** {@code {id: \d{1,5}}} → {@code {id}} (nested braces in the expression allowed). */
    static String stripTemplateRegex(String path) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < path.length(); end++) {
                char d = path.charAt(end);
                if (d == '{') {
                    depth++;
                } else if (d == '}' && --depth == 0) {
                    break;
                }
            }
            String template = path.substring(i + 1, end);
            int colon = template.indexOf(':');
            out.append('{').append((colon < 0 ? template : template.substring(0, colon)).trim()).append('}');
            i = end + 1;
        }
        return out.toString();
    }
}
