package dev.lastmile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.jws.WebService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: every REST operation and SOAP operation of every module declares who may call it,
 * and its class is an EJB, so that the container enforces the declaration. A new endpoint without one fails here.
 */
class DeclaredAccessTest {

    private static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    @Test
    void everyOperationDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> endpoints = endpointClasses();
        List<String> undeclared = new ArrayList<>();
        int operations = 0;
        for (Class<?> endpoint : endpoints) {
            for (Method method : endpoint.getDeclaredMethods()) {
                if (!isOperation(endpoint, method)) {
                    continue;
                }
                operations++;
                if (!declared(method) && !declared(endpoint)) {
                    undeclared.add(endpoint.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(operations > 60, "found only " + operations + " operations in " + endpoints);
        assertEquals(List.of(), undeclared, "operations without @RolesAllowed, @PermitAll or @DenyAll");
    }

    @Test
    void everyModuleEndpointIsAnEnterpriseBean() throws Exception {
        // SOAP endpoints are the exception: plain JAX-WS endpoints of the web module (behind its SoapRequestGuard), all
        // @PermitAll, each operation checking the partner's credential itself (PartnerCredentials).
        List<String> notBeans = endpointClasses().stream().filter(c -> !c.isAnnotationPresent(Stateless.class))
                .filter(c -> !(c.isAnnotationPresent(WebService.class) && c.isAnnotationPresent(PermitAll.class)))
                .map(Class::getName).toList();
        assertEquals(List.of(), notBeans, "the EJB container enforces @RolesAllowed only on enterprise beans");
    }

    private static boolean isOperation(Class<?> endpoint, Method method) {
        if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
            return false;
        }
        if (endpoint.isAnnotationPresent(WebService.class)) {
            return method.getDeclaringClass() == endpoint && !Modifier.isStatic(method.getModifiers());
        }
        return HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent) || method.isAnnotationPresent(jakarta.ws.rs.Path.class);
    }

    private static boolean declared(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    /** Every class of the modules' jars with @Path or @WebService. */
    private static List<Class<?>> endpointClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> found = new ArrayList<>();
        Enumeration<URL> roots = DeclaredAccessTest.class.getClassLoader().getResources("META-INF/beans.xml");
        for (URL root : Collections.list(roots)) {
            String location = root.toString();
            if (!location.contains("-module")) {
                continue;
            }
            for (String name : classNames(location)) {
                Class<?> type = Class.forName(name, false, DeclaredAccessTest.class.getClassLoader());
                if (!type.isInterface() && (type.isAnnotationPresent(jakarta.ws.rs.Path.class)
                        || type.isAnnotationPresent(WebService.class))) {
                    found.add(type);
                }
            }
        }
        assertTrue(found.size() >= 20, "found only " + found);
        return found;
    }

    private static List<String> classNames(String beansXml) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        if (beansXml.startsWith("jar:")) {
            String jar = beansXml.substring("jar:file:".length(), beansXml.indexOf("!/"));
            try (JarFile file = new JarFile(java.net.URLDecoder.decode(jar, java.nio.charset.StandardCharsets.UTF_8))) {
                file.stream().map(e -> e.getName()).filter(n -> n.startsWith("dev/lastmile/") && n.endsWith(".class"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        } else {
            Path classes = Path.of(new URL(beansXml).toURI()).getParent().getParent();
            try (Stream<Path> files = Files.walk(classes)) {
                files.map(classes::relativize).map(Path::toString).filter(n -> n.endsWith(".class") && n.startsWith("dev"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        }
        return names;
    }
}
