// ReDoc over this server's OpenAPI document (assets shipped with entente; no CDN).
"use strict";
Redoc.init("/openapi.json", {}, document.getElementById("redoc"));
