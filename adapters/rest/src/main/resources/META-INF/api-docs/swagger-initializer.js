// Swagger UI on the contract the page names (data-url="/openapi"), and nothing else: no validator
// badge (it would call validator.swagger.io), no document chosen by the query string. A file rather
// than an inline script, so that the page's Content-Security-Policy can say script-src 'self'.
window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-url"),
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    queryConfigEnabled: false,
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "BaseLayout"
  });
});
