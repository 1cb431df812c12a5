// The cookbook's search filter and "verify" buttons. Without this script the table is complete
// and each "verify" is a link to the calculator.
(function () {
  const search = document.getElementById('cookbook-search');
  const rows = Array.from(document.querySelectorAll('.cookbook-row'));
  if (search) {
    search.addEventListener('input', () => {
      const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      rows.forEach((row) => {
        const text = (row.dataset.search || '').toLowerCase();
        row.hidden = !words.every((w) => text.includes(w));
      });
    });
  }
  document.querySelectorAll('a.verify').forEach((button) => {
    button.addEventListener('click', async (event) => {
      event.preventDefault();
      const result = button.parentElement.querySelector('.verify-result');
      result.textContent = 'checking...';
      try {
        const response = await fetch('/api/derivative', {
          method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({
            expression: button.dataset.expression,
            variable: button.dataset.variable,
            declarations: button.dataset.declarations,
            layout: 'denominator',
          }),
        });
        const body = await response.json();
        if (!response.ok) {
          result.textContent = body.error;
          return;
        }
        const error = body.check.maxRelativeError;
        result.textContent = 'engine: ' + body.derivative.text + ' (check error ' + error.toExponential(1) + ')';
        result.classList.toggle('ok', error < 1e-5);
      } catch (e) {
        result.textContent = 'the engine could not be reached';
      }
    });
  });
})();
