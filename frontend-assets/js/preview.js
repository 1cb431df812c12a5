// Live preview of what the server reads from an input: every input[data-preview] sends its text to
// /api/validate and shows the server's own LaTeX (never the raw input) in the element named by
// data-preview, with how habits were read ("Sx" read as S x): the same reading the grader uses. An
// error is shown with the input and the place of the problem marked, and a link to the syntax help.
// Declarations come from data-declarations, or from the element named by data-declarations-from.
// An optional data-symbols names a datalist to fill with the symbols found.
(function () {
  function syntaxLink() {
    const link = document.createElement('a');
    link.href = '/syntax';
    link.className = 'preview-help';
    link.textContent = 'How to type it';
    return link;
  }

  function attach(input) {
    const preview = document.getElementById(input.dataset.preview);
    const symbols = input.dataset.symbols ? document.getElementById(input.dataset.symbols) : null;
    const declarationsFrom = input.dataset.declarationsFrom ? document.getElementById(input.dataset.declarationsFrom) : null;
    let timer = null;
    let sequence = 0;

    function declarations() {
      return declarationsFrom ? declarationsFrom.value : (input.dataset.declarations || '');
    }

    function showError(text, message, position) {
      preview.classList.add('preview-error');
      preview.replaceChildren();
      if (position && position >= 1 && position <= text.length + 1) {
        const code = document.createElement('code');
        code.className = 'error-source';
        const mark = document.createElement('mark');
        mark.textContent = text.charAt(position - 1) || ' ';
        code.append(text.slice(0, position - 1), mark, text.slice(position));
        preview.append(code, document.createElement('br'));
      }
      const span = document.createElement('span');
      span.className = 'error-message';
      span.textContent = message;
      preview.append(span, ' ', syntaxLink());
    }

    async function refresh() {
      const text = input.value;
      const mine = ++sequence;
      if (!text.trim()) {
        preview.replaceChildren();
        return;
      }
      try {
        const response = await fetch('/api/validate', {
          method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({text: text, declarations: declarations()}),
        });
        const body = await response.json();
        if (mine !== sequence) {
          return;
        }
        if (!response.ok) {
          showError(text, body.error, body.position);
          return;
        }
        preview.classList.remove('preview-error');
        const math = document.createElement('span');
        math.className = 'math';
        math.textContent = '\\(' + body.latex + '\\)';
        const shape = document.createElement('span');
        shape.className = 'preview-shape';
        shape.textContent = '  (' + body.description + ')';
        preview.replaceChildren(math, shape);
        (body.readings || []).forEach((reading) => {
          const note = document.createElement('span');
          note.className = 'preview-reading';
          note.textContent = reading;
          preview.append(note);
        });
        if (symbols) {
          symbols.replaceChildren(...body.symbols.map((s) => {
            const option = document.createElement('option');
            option.value = s;
            return option;
          }));
        }
        if (window.MathJax && MathJax.typesetPromise) {
          MathJax.typesetPromise([preview]);
        }
      } catch (e) {
        preview.replaceChildren();
      }
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    }

    input.addEventListener('input', schedule);
    if (declarationsFrom) {
      declarationsFrom.addEventListener('input', schedule);
    }
    if (input.value) {
      schedule();
    }
  }

  document.querySelectorAll('input[data-preview]').forEach(attach);
})();
