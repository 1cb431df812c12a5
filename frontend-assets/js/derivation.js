// "Show your work": every textarea[data-derivation] is checked line by line while it is typed, as the
// preview checks an answer. Its lines go to /api/derivation/check with the problem (from data-expression,
// data-variable, data-declarations and data-layout, or read from the inputs named by the same names
// with -from); each line comes back with a mark, the first wrong one with the rule it broke, and the
// marks are shown in the list named by data-derivation, typeset by MathJax. The engine's own
// derivation is never shown here: on an exercise that is the solution, which the class's rule gates.
(function () {
  const MARKS = {correct: '✓', incorrect: '✗', invalid: '?'};
  const VERDICTS = {
    correct: 'Every line is right, and the last one reads off the answer.',
    incorrect: 'A line is not right: see the first mark ✗.',
    incomplete: 'Every line is right so far; go on until the last line reads off the answer.',
    invalid: 'A line could not be read: see the mark ?.',
  };

  function field(box, name) {
    const from = box.dataset[name + 'From'];
    if (from) {
      const element = document.getElementById(from);
      return element ? element.value : '';
    }
    return box.dataset[name] || '';
  }

  function text(tag, className, content) {
    const element = document.createElement(tag);
    element.className = className;
    element.textContent = content;
    return element;
  }

  function attach(box) {
    const list = document.getElementById(box.dataset.derivation);
    if (!list) {
      return;
    }
    let timer = null;
    let sequence = 0;

    function render(lines, body) {
      list.replaceChildren();
      body.lines.forEach((line, i) => {
        const item = document.createElement('li');
        item.className = 'work-line ' + line.status;
        item.dataset.status = line.status;
        const mark = text('span', 'work-mark', MARKS[line.status] || '?');
        mark.setAttribute('aria-label', line.status);
        item.append(mark, ' ');
        if (line.latex) {
          item.append(text('span', 'math work-math', '\\[' + (i === 0 ? '\\mathrm{d}f = ' : '= ') + line.latex + '\\]'));
        } else {
          item.append(text('code', 'work-text', lines[i]));
        }
        if (i === body.firstError) {
          if (line.rule) {
            // the rule as the feedback after Check writes it: words as text, each formula typeset
            const rule = document.createElement('div');
            rule.className = 'work-rule';
            rule.append(text('span', 'work-rule-label', 'Rule:'), ' ');
            (line.ruleParts && line.ruleParts.length ? line.ruleParts : [{math: false, content: line.rule}])
                .forEach((part) => rule.append(part.math
                  ? text('span', 'rule-math math', '\\(' + part.content + '\\)')
                  : text('span', '', part.content)));
            item.append(rule);
          }
          if (line.message) {
            item.append(text('p', 'work-message', line.message
                + (line.position && line.status === 'invalid' ? ' (position ' + line.position + ')' : '')));
          }
        }
        list.append(item);
      });
      const summary = text('li', 'work-summary', VERDICTS[body.verdict] || '');
      summary.dataset.verdict = body.verdict;
      if (body.hint) {
        summary.textContent = body.hint;
      }
      list.append(summary);
      if (window.MathJax && MathJax.typesetPromise) {
        MathJax.typesetPromise([list]);
      }
    }

    async function refresh() {
      const lines = box.value.split('\n').filter((l) => l.trim());
      const mine = ++sequence;
      if (!lines.length) {
        list.replaceChildren();
        return;
      }
      try {
        const response = await fetch('/api/derivation/check', {
          method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({
            expression: field(box, 'expression'), variable: field(box, 'variable'),
            declarations: field(box, 'declarations'), layout: field(box, 'layout'), lines: lines,
          }),
        });
        const body = await response.json();
        if (mine !== sequence) {
          return;
        }
        if (!response.ok) {
          list.replaceChildren(text('li', 'work-summary preview-error', body.error || 'The lines could not be checked.'));
          return;
        }
        render(lines, body);
      } catch (e) {
        list.replaceChildren();
      }
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 350);
    }

    box.addEventListener('input', schedule);
    ['expression', 'variable', 'declarations', 'layout'].forEach((name) => {
      const from = box.dataset[name + 'From'];
      const element = from ? document.getElementById(from) : null;
      if (element) {
        element.addEventListener('change', schedule);
      }
    });
    if (box.value.trim()) {
      schedule();
    }
  }

  document.querySelectorAll('textarea[data-derivation]').forEach(attach);
})();
