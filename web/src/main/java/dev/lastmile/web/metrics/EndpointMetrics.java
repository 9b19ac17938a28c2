package dev.lastmile.web.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Rate and latency of every REST operation, at /metrics as {@code lastmile_requests_seconds} tagged with
 * the operation ("GET /api/tracking/{trackingId}", the template, never the ids) and the status class.
 */
@Provider
public class EndpointMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = EndpointMetrics.class.getName() + ".started";
    private static final Metadata REQUESTS = Metadata.builder().withName("lastmile.requests")
            .withDescription("REST requests by operation and status class").withUnit(MetricUnits.NANOSECONDS).build();

    @Inject
    MetricRegistry registry;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        registry.timer(REQUESTS, new Tag("operation", request.getMethod() + " " + template()),
                        new Tag("status", response.getStatus() / 100 + "xx"))
                .update(Duration.ofNanos(System.nanoTime() - started));
    }

    /** The operation's path template; requests that matched no operation share one name. */
    private String template() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return "unmatched";
        }
        StringBuilder path = new StringBuilder("/api");
        append(path, resource.getResourceClass().getAnnotation(Path.class));
        append(path, method.getAnnotation(Path.class));
        return path.toString();
    }

    private static void append(StringBuilder path, Path segment) {
        if (segment != null && !segment.value().isEmpty()) {
            path.append(segment.value().startsWith("/") ? "" : "/").append(segment.value().replaceAll("/$", ""));
        }
    }
}
