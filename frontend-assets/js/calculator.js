// Live preview of f as the server reads it, and the variable list from its symbols.
// The page works without this script: the form is a plain GET.
(function () {
  const input = document.getElementById('expression');
  const declarations = document.getElementById('declarations');
  const preview = document.getElementById('expression-preview');
  const options = document.getElementById('variable-options');
  if (!input || !preview) {
    return;
  }
  let timer = null;
  let sequence = 0;

  function show(text, isError) {
    preview.classList.toggle('preview-error', isError);
    preview.textContent = text;
  }

  async function refresh() {
    const text = input.value.trim();
    const mine = ++sequence;
    if (!text) {
      show('', false);
      return;
    }
    try {
      const response = await fetch('/api/validate', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({text: text, declarations: declarations ? declarations.value : ''}),
      });
      const body = await response.json();
      if (mine !== sequence) {
        return;
      }
      if (!response.ok) {
        show(body.error, true);
        return;
      }
      // The server's own LaTeX, set as text: MathJax typesets it, no HTML is injected.
      show('\\(' + body.latex + '\\)  : ' + body.description, false);
      options.replaceChildren(...body.symbols.map((s) => {
        const option = document.createElement('option');
        option.value = s;
        return option;
      }));
      if (window.MathJax && MathJax.typesetPromise) {
        MathJax.typesetPromise([preview]);
      }
    } catch (e) {
      show('', false);
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  input.addEventListener('input', schedule);
  if (declarations) {
    declarations.addEventListener('input', schedule);
  }
  if (input.value) {
    schedule();
  }
})();
