// Swagger UI over this server's OpenAPI document (assets shipped with entente; no CDN).
"use strict";
window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
