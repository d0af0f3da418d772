// ibcheck's index page: sort the theorem table by a column (click its heading; again to reverse) and
// show only the theorems that have a claim of the chosen verdict. Cells carry their sort key in data-sort
// (times have none: the page is byte-reproducible apart from its timing elements, so they sort by text).
(function () {
  var table = document.getElementById('theorems');
  if (!table) return;
  var body = table.tBodies[0];
  var buttons = table.tHead.querySelectorAll('button.sort');
  buttons.forEach(function (button, column) {
    button.addEventListener('click', function () {
      var descending = button.getAttribute('aria-sort') === 'ascending';
      buttons.forEach(function (b) { b.removeAttribute('aria-sort'); });
      button.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-sort') || a.cells[column].textContent;
        var y = b.cells[column].getAttribute('data-sort') || b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
        return descending ? -c : c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var filter = document.getElementById('verdict-filter');
  filter.addEventListener('change', function () {
    Array.prototype.forEach.call(body.rows, function (r) {
      var verdicts = (r.getAttribute('data-claims') || '').split(' ');
      r.hidden = filter.value !== '' && verdicts.indexOf(filter.value) < 0;
    });
  });
})();
