// Builds the portal at runtime: asks swapper which specs exist and which services are down, then starts
// Swagger UI with one selector entry per service (plus the merged spec). Every URL goes through swapper, so the
// browser never needs a service's own port.
(function () {
  'use strict';

  var list = document.getElementById('dojo-services');

  function label(service) {
    if (service.available) {
      return service.name;
    }
    return service.name + (service.cached ? ' (unavailable: last good copy)' : ' (unavailable)');
  }

  function showStatus(services) {
    list.textContent = '';
    services.forEach(function (service) {
      var item = document.createElement('li');
      item.className = service.available ? 'available' : 'unavailable';
      item.setAttribute('data-service', service.name);
      item.setAttribute('data-available', String(service.available));
      item.textContent = service.name + ': ' + (service.available ? 'available'
        : (service.cached ? 'unavailable, showing the last good copy' : 'unavailable'));
      list.appendChild(item);
    });
  }

  function start(data) {
    showStatus(data.services);
    var urls = [{ name: 'All services (merged)', url: data.merged }];
    data.services.forEach(function (service) {
      if (service.available || service.cached) {
        urls.push({ name: label(service), url: service.specUrl });
      }
    });
    window.ui = SwaggerUIBundle({
      urls: urls,
      'urls.primaryName': urls[0].name,
      dom_id: '#swagger-ui',
      deepLinking: true,
      persistAuthorization: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      plugins: [SwaggerUIBundle.plugins.DownloadUrl],
      layout: 'StandaloneLayout',
      // no validator badge: it would send the spec's URL to a third party, and main's CSP allows no foreign images
      validatorUrl: null
    });
  }

  fetch('/docs/services', { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (body) { start(body.data); })
    .catch(function (error) {
      list.innerHTML = '';
      var item = document.createElement('li');
      item.className = 'unavailable';
      item.textContent = 'Could not load the list of services (' + error.message + ').';
      list.appendChild(item);
    });
}());
