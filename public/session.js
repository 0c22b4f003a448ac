// Warns a signed-in staff member five minutes before the session ends and puts the focus on "stay signed
// in", so nobody loses their work to a timeout (WCAG 2.2.1). Without this script the page says the end time.
(function () {
  var bar = document.querySelector('[data-session-ends]');
  if (!bar) return;
  var warnAt =
    Date.parse(bar.getAttribute('data-session-ends')) - Number(bar.getAttribute('data-warn-seconds')) * 1000;
  function warn() {
    var message = bar.querySelector('p');
    bar.classList.add('meedoen-notice');
    bar.setAttribute('role', 'alert');
    if (message) message.textContent = bar.getAttribute('data-warning');
    var button = bar.querySelector('button');
    if (button) button.focus();
  }
  var delay = warnAt - Date.now();
  if (delay > 0) window.setTimeout(warn, Math.min(delay, 2147483647));
})();
