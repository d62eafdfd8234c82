// dana-mock: signs every DANA request before it is sent. SANDBOX-ONLY.
// Postman's script sandbox cannot make RSA signatures, so this asks the sandbox's signing helper
// (POST /__admin/sign), which signs with the TEST-ONLY private key of the partner the request names
// (X-PARTNER-ID, X-CLIENT-KEY or the envelope's head.clientId). Control calls (/__admin) are not signed.
// If the helper refuses (unknown partner, a partner it holds only the public key of, helper switched
// off), the request goes out unsigned and the gateway's own answer says what is wrong.
const sendUnsigned = (why) => {
  console.warn('dana-mock signing helper: ' + why + ' The request goes out unsigned.');
  pm.request.headers.upsert({ key: 'X-TIMESTAMP', value: pm.variables.get('reqTime') });
  pm.request.headers.upsert({ key: 'X-EXTERNAL-ID', value: String(Date.now()) });
  pm.request.headers.upsert({ key: 'X-SIGNATURE', value: 'unsigned' });
};
pm.variables.set('reqTime', new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 19) + '+07:00');
if (!pm.request.url.getPath().startsWith('/__admin') && pm.request.body) {
  // Resolve {{variables}} now: the resolved text is what gets signed, so it must be what gets sent.
  const body = pm.variables.replaceIn(pm.request.body.raw || '');
  pm.request.body.update(body);
  const header = (name) =>
    pm.request.headers.has(name) ? pm.variables.replaceIn(pm.request.headers.get(name)) : undefined;
  let clientId = header('X-PARTNER-ID') || header('X-CLIENT-KEY');
  if (!clientId) {
    try {
      clientId = JSON.parse(body).request.head.clientId;
    } catch (e) {
      clientId = pm.variables.get('partnerId');
    }
  }
  pm.sendRequest(
    {
      url: pm.variables.replaceIn('{{baseUrl}}/__admin/sign'),
      method: 'POST',
      header: [
        { key: 'Content-Type', value: 'application/json' },
        { key: 'X-Mock-Session', value: pm.variables.replaceIn('{{session}}') },
      ],
      body: {
        mode: 'raw',
        raw: JSON.stringify({
          partnerId: String(clientId),
          method: pm.request.method,
          path: pm.request.url.getPathWithQuery(),
          body: body,
        }),
      },
    },
    (err, res) => {
      if (err)
        return sendUnsigned('unreachable at ' + pm.variables.replaceIn('{{baseUrl}}') + ' (' + err.message + ').');
      let answer;
      try {
        answer = res.json();
      } catch (e) {
        return sendUnsigned(
          'HTTP ' +
            res.code +
            ' from ' +
            pm.variables.replaceIn('{{baseUrl}}') +
            '/__admin/sign is not the sandbox (is {{baseUrl}} right?).',
        );
      }
      if (res.code !== 200 || !answer.headers)
        return sendUnsigned(answer.error ? answer.error.message : 'HTTP ' + res.code + '.');
      Object.keys(answer.headers).forEach((key) => pm.request.headers.upsert({ key: key, value: answer.headers[key] }));
      pm.request.body.update(answer.body);
    },
  );
}
