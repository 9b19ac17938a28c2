package dev.lastmile.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of every error that no resource answered itself (web.xml maps it as the default error
 * page): a problem document, whatever failed. The container's own page would name the server, and for a
 * failure the exception's class; this names the status only.
 */
@WebServlet("/error-page")
public class ErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        write(response, status, path == null ? null : path.toString());
    }

    /** Writes the problem document of a bare status, for filters that refuse a request before any resource. */
    public static void write(HttpServletResponse response, int status, String instance) throws IOException {
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not authenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
        write(response, status, "http-" + status, title,
                status >= 500 ? "Something went wrong on our side; try again shortly." : null, instance);
    }

    /** Writes a problem document outside JAX-RS (a servlet, a filter, the authentication mechanism). */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail,
                             String instance) throws IOException {
        JsonObjectBuilder problem = Json.createObjectBuilder().add("type", Problem.TYPE_BASE + type)
                .add("title", title).add("status", status);
        if (detail != null) {
            problem.add("detail", detail);
        }
        if (instance != null) {
            problem.add("instance", instance);
        }
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.build().toString());
    }
}
