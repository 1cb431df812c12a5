// The cookbook's search filter and "verify" buttons. Without this script the table is complete
// and each "verify" is a link to the calculator.
(function () {
  const CHECK_TOLERANCE = 1e-5;
  const LAYOUTS = ['denominator', 'numerator'];
  const search = document.getElementById('cookbook-search');
  const rows = Array.from(document.querySelectorAll('.cookbook-row'));
  const count = document.getElementById('cookbook-count');

  function filter() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row) => {
      const text = (row.dataset.search || '').toLowerCase();
      row.hidden = !words.every((w) => text.includes(w));
      shown += row.hidden ? 0 : 1;
    });
    if (count) {
      count.textContent = shown === rows.length ? '' : shown + ' of ' + rows.length + ' identities';
    }
  }

  async function derive(button, layout) {
    const response = await fetch('/api/derivative', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({
        expression: button.dataset.expression,
        variable: button.dataset.variable,
        declarations: button.dataset.declarations,
        layout: layout,
      }),
    });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || ('the engine answered ' + response.status));
    }
    return body;
  }

  // One line per layout: the engine's derivative (typeset) and its finite-difference check.
  function line(layout, body) {
    const p = document.createElement('p');
    const error = body.check.maxRelativeError;
    p.className = 'verify-line ' + (error < CHECK_TOLERANCE ? 'ok' : 'failed');
    p.dataset.layout = layout;
    const label = document.createElement('span');
    label.className = 'verify-label';
    label.textContent = layout + ': ';
    const math = document.createElement('span');
    math.className = 'math';
    math.textContent = '\\(' + body.derivative.latex + '\\)';
    const text = document.createElement('code');
    text.textContent = body.derivative.text;
    const check = document.createElement('span');
    check.className = 'verify-check';
    check.textContent = (error < CHECK_TOLERANCE ? ' ✓ ' : ' ✗ ') + 'check error ' + error.toExponential(1);
    p.append(label, math, ' ', text, check);
    return p;
  }

  if (search) {
    search.addEventListener('input', filter);
    filter();
  }
  document.querySelectorAll('a.verify').forEach((button) => {
    button.addEventListener('click', async (event) => {
      event.preventDefault();
      const result = button.parentElement.querySelector('.verify-result');
      result.textContent = 'checking...';
      try {
        const bodies = await Promise.all(LAYOUTS.map((layout) => derive(button, layout)));
        result.replaceChildren(...bodies.map((body, i) => line(LAYOUTS[i], body)));
        result.classList.toggle('ok', bodies.every((b) => b.check.maxRelativeError < CHECK_TOLERANCE));
        if (window.MathJax && MathJax.typesetPromise) {
          await MathJax.typesetPromise([result]);
        }
        result.dataset.verified = 'true';
      } catch (e) {
        result.textContent = e instanceof TypeError ? 'the engine could not be reached' : e.message;
      }
    });
  });
})();
