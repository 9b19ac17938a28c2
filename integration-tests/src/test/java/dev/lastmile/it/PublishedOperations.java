package dev.lastmile.it;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The operations the application publishes, described as a sweep of hostile input needs them: per REST operation its
 * parameters, the body it takes and who may call it; per SOAP operation its action and request element. REST operations
 * come from the /openapi document and also from the JAX-RS annotations of the modules' resources (the jars the EAR
 * deploys): on Payara Server the document describes the web module's own resources only, a Payara limit for the EJB
 * modules of an EAR (docs/architecture.md), while on Payara Micro it describes them all.
 */
final class PublishedOperations {

    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    /** The JAX-RS application's path (LastmileApplication), which the modules' own @Path values do not carry. */
    private static final String API = "/api/";
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}");
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String WSDL_SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private PublishedOperations() {
    }

    enum BodyKind { NONE, OBJECT, ARRAY, FORM, STREAM }

    /**
     * @param properties the JSON type ("string", "number", "integer", "boolean", "array", "object") of each top-level
     *                   property: of the body, or of its items for an array
     * @param itemType   the JSON type of an array's items
     */
    record Body(BodyKind kind, String mediaType, Map<String, String> properties, String itemType) {

        static final Body NONE = new Body(BodyKind.NONE, null, Map.of(), null);

        boolean present() {
            return kind != BodyKind.NONE;
        }
    }

    /**
     * @param anyone  declared {@code @PermitAll}
     * @param roles   the roles declared to call it; empty when nothing declares them (only the document knows it)
     * @param streams answers a stream of events rather than one response
     * @param source  where it was found: "openapi", "declared" or both
     */
    record RestOperation(String method, String path, List<String> pathParameters, List<String> queryParameters, Body body,
                         boolean anyone, Set<String> roles, boolean streams, String source) {

        String name() {
            return method + " " + path;
        }

        boolean restricted() {
            return !anyone && !roles.isEmpty();
        }

        boolean takesInput() {
            return !pathParameters.isEmpty() || !queryParameters.isEmpty() || body.present();
        }
    }

    /** @param fields the request element's child elements, in the contract's order */
    record SoapOperation(String operation, String action, String namespace, String requestElement, List<String> fields) {
    }

    /** Every REST operation of the document, and every one the modules declare, once each, in path order. */
    static List<RestOperation> rest(JsonObject document) throws IOException, ClassNotFoundException {
        Map<String, RestOperation> operations = new TreeMap<>();
        for (RestOperation documented : documented(document)) {
            operations.put(documented.name(), documented);
        }
        // One JAX-RS method per media type it produces (a statement as JSON, CSV or PDF) is one operation.
        Map<String, RestOperation> declared = new TreeMap<>();
        declared().forEach(operation -> declared.putIfAbsent(operation.name(), operation));
        declared.values().forEach(operation -> operations.merge(operation.name(), operation, PublishedOperations::both));
        return new ArrayList<>(operations.values());
    }

    /** The document says what clients see; the declaration adds who may call it and, where the document has none, the body's fields. */
    private static RestOperation both(RestOperation documented, RestOperation declared) {
        List<String> query = new ArrayList<>(documented.queryParameters());
        declared.queryParameters().stream().filter(q -> !query.contains(q)).forEach(query::add);
        Body body = documented.body().properties().isEmpty() ? declared.body() : documented.body();
        return new RestOperation(documented.method(), documented.path(), documented.pathParameters(), query, body,
                declared.anyone(), declared.roles(), documented.streams() || declared.streams(), "openapi+declared");
    }

    private static List<RestOperation> documented(JsonObject document) {
        List<RestOperation> found = new ArrayList<>();
        JsonObject components = document.getJsonObject("components");
        JsonObject schemas = components == null || !components.containsKey("schemas") ? JsonValue.EMPTY_JSON_OBJECT
                : components.getJsonObject("schemas");
        JsonObject paths = document.getJsonObject("paths");
        if (paths == null) {
            return found;
        }
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            JsonObject item = path.getValue().asJsonObject();
            for (Map.Entry<String, JsonValue> entry : item.entrySet()) {
                String verb = entry.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!VERBS.contains(verb)) {
                    continue;
                }
                JsonObject operation = entry.getValue().asJsonObject();
                List<String> query = new ArrayList<>();
                for (JsonObject parameter : parameters(item, operation)) {
                    if ("query".equals(parameter.getString("in", "")) && !query.contains(parameter.getString("name", ""))) {
                        query.add(parameter.getString("name", ""));
                    }
                }
                String template = normalised(path.getKey());
                found.add(new RestOperation(verb, template, templateNames(template), query, documentedBody(operation, schemas), false,
                        Set.of(), operation.toString().contains("text/event-stream"), "openapi"));
            }
        }
        return found;
    }

    private static List<JsonObject> parameters(JsonObject item, JsonObject operation) {
        List<JsonObject> parameters = new ArrayList<>();
        for (JsonObject holder : List.of(item, operation)) {
            if (holder.containsKey("parameters")) {
                holder.getJsonArray("parameters").forEach(p -> parameters.add(p.asJsonObject()));
            }
        }
        return parameters;
    }

    private static Body documentedBody(JsonObject operation, JsonObject schemas) {
        JsonObject requestBody = operation.getJsonObject("requestBody");
        if (requestBody == null || !requestBody.containsKey("content") || requestBody.getJsonObject("content").isEmpty()) {
            return Body.NONE;
        }
        JsonObject content = requestBody.getJsonObject("content");
        String mediaType = content.keySet().iterator().next();
        JsonObject media = content.getJsonObject(mediaType);
        JsonObject schema = resolved(media.getJsonObject("schema"), schemas);
        if (mediaType.startsWith("application/x-www-form-urlencoded")) {
            return new Body(BodyKind.FORM, mediaType, Map.of(), null);
        }
        if (!mediaType.contains("json")) {
            return new Body(BodyKind.STREAM, mediaType, Map.of(), null);
        }
        if ("array".equals(type(schema))) {
            JsonObject items = resolved(schema.getJsonObject("items"), schemas);
            return new Body(BodyKind.ARRAY, mediaType, properties(items, schemas), type(items));
        }
        return new Body(BodyKind.OBJECT, mediaType, properties(schema, schemas), "object");
    }

    private static JsonObject resolved(JsonObject schema, JsonObject schemas) {
        JsonObject current = schema == null ? JsonValue.EMPTY_JSON_OBJECT : schema;
        for (int hop = 0; hop < 8 && current.containsKey("$ref"); hop++) {
            String reference = current.getString("$ref");
            JsonObject target = schemas.getJsonObject(reference.substring(reference.lastIndexOf('/') + 1));
            current = target == null ? JsonValue.EMPTY_JSON_OBJECT : target;
        }
        return current;
    }

    private static String type(JsonObject schema) {
        if (schema.containsKey("type") && schema.get("type").getValueType() == JsonValue.ValueType.STRING) {
            return schema.getString("type");
        }
        return schema.containsKey("enum") ? "string" : "object";
    }

    private static Map<String, String> properties(JsonObject schema, JsonObject schemas) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (schema.containsKey("allOf")) {
            schema.getJsonArray("allOf").forEach(part -> properties.putAll(properties(resolved(part.asJsonObject(), schemas), schemas)));
        }
        if (schema.containsKey("properties")) {
            schema.getJsonObject("properties").forEach((name, property) ->
                    properties.put(name, type(resolved(property.asJsonObject(), schemas))));
        }
        return properties;
    }

    /** What the modules' resources declare, read from their annotations as JAX-RS reads them. */
    private static List<RestOperation> declared() throws IOException, ClassNotFoundException {
        List<RestOperation> found = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null || !Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = normalised(API + resource.getAnnotation(Path.class).value() + (sub == null ? "" : "/" + sub.value()));
                List<String> query = new ArrayList<>();
                Type entity = null;
                Annotation[][] annotations = method.getParameterAnnotations();
                Type[] types = method.getGenericParameterTypes();
                for (int i = 0; i < types.length; i++) {
                    QueryParam queryParam = find(annotations[i], QueryParam.class);
                    if (queryParam != null) {
                        query.add(queryParam.value());
                    } else if (Arrays.stream(annotations[i]).noneMatch(a -> a.annotationType().getName().startsWith("jakarta.ws.rs."))) {
                        entity = types[i];
                    }
                }
                Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                        : resource.getAnnotation(Consumes.class);
                String mediaType = consumes == null ? "application/json" : consumes.value()[0].split(",")[0].trim();
                Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                        : resource.getAnnotation(Produces.class);
                boolean streams = produces != null && Arrays.stream(produces.value()).anyMatch(p -> p.contains("text/event-stream"));
                boolean anyone = access(method, resource, PermitAll.class);
                Set<String> roles = anyone ? Set.of() : roles(method, resource);
                found.add(new RestOperation(verb, template, templateNames(template), query, declaredBody(entity, mediaType), anyone, roles,
                        streams, "declared"));
            }
        }
        return found;
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null && VERBS.contains(http.value())) {
                return http.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }

    /** The method's own declaration wins over its class's, as the EJB container reads them. */
    private static boolean access(Method method, Class<?> resource, Class<? extends Annotation> kind) {
        if (declaresAccess(method)) {
            return method.isAnnotationPresent(kind);
        }
        return resource.isAnnotationPresent(kind);
    }

    private static boolean declaresAccess(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    private static Set<String> roles(Method method, Class<?> resource) {
        RolesAllowed allowed = declaresAccess(method) ? method.getAnnotation(RolesAllowed.class) : resource.getAnnotation(RolesAllowed.class);
        return allowed == null ? Set.of() : Set.of(allowed.value());
    }

    private static Body declaredBody(Type entity, String mediaType) {
        if (entity == null) {
            return Body.NONE;
        }
        Class<?> raw = raw(entity);
        if (MultivaluedMap.class.isAssignableFrom(raw) || raw == jakarta.ws.rs.core.Form.class) {
            return new Body(BodyKind.FORM, mediaType, Map.of(), null);
        }
        if (InputStream.class.isAssignableFrom(raw) || Reader.class.isAssignableFrom(raw) || raw == byte[].class
                || raw == String.class) {
            return new Body(BodyKind.STREAM, mediaType, Map.of(), null);
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Class<?> item = raw.isArray() ? raw.getComponentType()
                    : entity instanceof ParameterizedType generic ? raw(generic.getActualTypeArguments()[0]) : Object.class;
            return new Body(BodyKind.ARRAY, mediaType, fieldsOf(item), jsonType(item));
        }
        return new Body(BodyKind.OBJECT, mediaType, fieldsOf(raw), "object");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType generic) {
            return raw(generic.getRawType());
        }
        return Object.class;
    }

    /** The JSON properties JSON-B binds: a record's components, or a class's instance fields. */
    private static Map<String, String> fieldsOf(Class<?> type) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!"object".equals(jsonType(type)) || type == Object.class) {
            return fields;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.put(component.getName(), jsonType(component.getType()));
            }
            return fields;
        }
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers()) && !field.isSynthetic()) {
                fields.put(field.getName(), jsonType(field.getType()));
            }
        }
        return fields;
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type.isEnum() || CharSequence.class.isAssignableFrom(type) || type == java.util.UUID.class
                || java.time.temporal.TemporalAccessor.class.isAssignableFrom(type) || type == java.time.Duration.class) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (Set.of(int.class, long.class, short.class, byte.class, Integer.class, Long.class, Short.class, Byte.class,
                java.math.BigInteger.class).contains(type)) {
            return "integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String normalised(String path) {
        String plain = TEMPLATE.matcher(path).replaceAll("{$1}").replaceAll("/{2,}", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static List<String> templateNames(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Every class with @Path in the modules' jars (found by their beans.xml, as DeclaredAccessTest finds them). */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> found = new ArrayList<>();
        ClassLoader loader = PublishedOperations.class.getClassLoader();
        for (URL root : Collections.list(loader.getResources("META-INF/beans.xml"))) {
            if (!root.toString().contains("-module")) {
                continue;
            }
            for (String name : classNames(root.toString())) {
                Class<?> type = Class.forName(name, false, loader);
                if (!type.isInterface() && type.isAnnotationPresent(Path.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    private static List<String> classNames(String beansXml) throws IOException {
        List<String> names = new ArrayList<>();
        if (beansXml.startsWith("jar:")) {
            String jar = beansXml.substring("jar:file:".length(), beansXml.indexOf("!/"));
            try (JarFile file = new JarFile(java.net.URLDecoder.decode(jar, StandardCharsets.UTF_8))) {
                file.stream().map(e -> e.getName()).filter(n -> n.startsWith("dev/lastmile/") && n.endsWith(".class"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
            return names;
        }
        java.nio.file.Path classes = java.nio.file.Path.of(URI.create(beansXml)).getParent().getParent();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            files.map(classes::relativize).map(java.nio.file.Path::toString).filter(n -> n.endsWith(".class") && n.startsWith("dev"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 6).replace(java.io.File.separatorChar, '.')));
        }
        return names;
    }

    /**
     * The operations a WSDL's service offers at this path. Services at other addresses are not ours to call: the v2
     * contract also describes the callback that partners serve themselves.
     */
    static List<SoapOperation> soap(String wsdl, String endpointPath) throws Exception {
        Element definitions = parse(wsdl).getDocumentElement();
        Set<String> bindings = new HashSet<>();
        for (Element port : descendants(definitions, WSDL, "port")) {
            for (Element address : descendants(port, WSDL_SOAP, "address")) {
                if (endpointPath.equals(URI.create(address.getAttribute("location").trim()).getPath())) {
                    bindings.add(localPart(port.getAttribute("binding")));
                }
            }
        }
        List<SoapOperation> operations = new ArrayList<>();
        for (Element binding : children(definitions, WSDL, "binding")) {
            if (!bindings.contains(binding.getAttribute("name"))) {
                continue;
            }
            String portType = localPart(binding.getAttribute("type"));
            for (Element operation : children(binding, WSDL, "operation")) {
                String name = operation.getAttribute("name");
                String action = children(operation, WSDL_SOAP, "operation").stream().map(o -> o.getAttribute("soapAction"))
                        .findFirst().orElse("");
                Element part = inputPart(definitions, portType, name);
                String element = part == null ? name + "Request" : localPart(part.getAttribute("element"));
                String namespace = part == null ? definitions.getAttribute("targetNamespace")
                        : namespaceOf(part, part.getAttribute("element"));
                operations.add(new SoapOperation(name, action, namespace, element, fieldsOf(definitions, element)));
            }
        }
        return operations;
    }

    private static Element inputPart(Element definitions, String portType, String operationName) {
        for (Element type : children(definitions, WSDL, "portType")) {
            if (!type.getAttribute("name").equals(portType)) {
                continue;
            }
            for (Element operation : children(type, WSDL, "operation")) {
                if (!operation.getAttribute("name").equals(operationName)) {
                    continue;
                }
                for (Element input : children(operation, WSDL, "input")) {
                    String message = localPart(input.getAttribute("message"));
                    for (Element candidate : children(definitions, WSDL, "message")) {
                        if (candidate.getAttribute("name").equals(message)) {
                            return children(candidate, WSDL, "part").stream().findFirst().orElse(null);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The child elements a request element declares inline; none when its schema is elsewhere. */
    private static List<String> fieldsOf(Element definitions, String element) {
        List<String> fields = new ArrayList<>();
        for (Element schema : descendants(definitions, XSD, "schema")) {
            for (Element declared : children(schema, XSD, "element")) {
                if (declared.getAttribute("name").equals(element)) {
                    descendants(declared, XSD, "element").stream().map(e -> e.getAttribute("name")).filter(n -> !n.isEmpty())
                            .forEach(fields::add);
                }
            }
        }
        return fields;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = parent.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static String localPart(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }

    private static String namespaceOf(Element context, String qualified) {
        int colon = qualified.indexOf(':');
        String namespace = context.lookupNamespaceURI(colon < 0 ? null : qualified.substring(0, colon));
        return namespace == null ? "" : namespace;
    }
}
