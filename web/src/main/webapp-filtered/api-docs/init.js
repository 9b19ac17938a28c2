// The OpenAPI document is served by the server at /openapi (MicroProfile OpenAPI).
window.ui = SwaggerUIBundle({ url: '/openapi', dom_id: '#swagger-ui', deepLinking: true });
