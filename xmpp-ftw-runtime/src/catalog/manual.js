// Filters the manual's events by name as the reader types; the page works without it.
(function () {
  var input = document.getElementById('filter');
  if (!input) return;
  input.addEventListener('input', function () {
    var wanted = input.value.trim().toLowerCase();
    document.querySelectorAll('[data-event]').forEach(function (node) {
      var name = node.getAttribute('data-event').toLowerCase();
      node.classList.toggle('hidden', wanted !== '' && name.indexOf(wanted) < 0);
    });
  });
})();
