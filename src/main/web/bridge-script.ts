// The script browser mode serves as /okno-bridge.js: it defines `window.okno` with exactly the
// contract's channels, each a same-origin POST carrying the session cookie and the bridge
// header. Generated from the channel list, so it cannot drift from the preload.
import { CHANNELS } from '../../shared/ipc/channels'

export const BRIDGE_HEADER = 'x-okno-bridge'

export function bridgeScript(): string {
  return `'use strict';
(function () {
  var channels = ${JSON.stringify(CHANNELS)};
  function call(channel, input) {
    return fetch('/api/' + encodeURIComponent(channel), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', '${BRIDGE_HEADER}': '1' },
      body: JSON.stringify({ input: input })
    }).then(function (res) {
      if (!res.ok && res.headers.get('content-type') !== 'application/json') {
        return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Связь с рабочим местом потеряна. Откройте ссылку, напечатанную при запуске, заново.' } };
      }
      return res.json();
    }, function () {
      return { ok: false, error: { code: 'INTERNAL', message: 'Рабочее место не отвечает. Проверьте, что оно запущено, и повторите.' } };
    });
  }
  var api = {};
  channels.forEach(function (channel) {
    api[channel] = function (input) { return call(channel, input); };
  });
  Object.defineProperty(window, 'okno', { value: Object.freeze(api), writable: false, configurable: false });
})();
`
}
