// The script of report.html, inline and constant (no value from a report is ever written into it):
// the check filters, the copy buttons, and every failure opened for printing.
export const SCRIPT = `
(function () {
  document.documentElement.classList.add('js');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  var live = document.getElementById('live');
  function chosen(kind) {
    var set = {};
    boxes.forEach(function (b) { if (b.getAttribute('data-filter') === kind && b.checked) set[b.value] = true; });
    return set;
  }
  function filter() {
    var status = chosen('status'), level = chosen('level');
    document.querySelectorAll('table.checks').forEach(function (table) {
      var rows = table.querySelectorAll('tbody tr'), shown = 0;
      rows.forEach(function (row) {
        var show = !!(status[row.getAttribute('data-status')] && level[row.getAttribute('data-level')]);
        row.hidden = !show;
        if (show) shown++;
      });
      table.querySelector('.shown').textContent = shown === rows.length ? '' : '(' + shown + ' shown)';
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', filter); });
  function copied(button, ok) {
    button.textContent = ok ? 'Copied' : 'Selected: press Ctrl+C';
    if (live) live.textContent = ok ? 'Copied to the clipboard.' : 'The text is selected; copy it with Ctrl+C.';
    setTimeout(function () { button.textContent = 'Copy'; }, 2000);
  }
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  function fallback(button, node) {
    select(node);
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    copied(button, ok);
  }
  document.querySelectorAll('button.copy').forEach(function (button) {
    button.addEventListener('click', function () {
      var node = document.getElementById(button.getAttribute('data-copy'));
      if (!node) return;
      var text = node.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button, true); }, function () { fallback(button, node); });
      } else fallback(button, node);
    });
  });
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener('afterprint', function () {
    opened.splice(0).forEach(function (d) { d.open = false; });
  });
})();
`;
