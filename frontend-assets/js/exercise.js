// The exercise page. Without JavaScript every button is a form post that keeps the typed answer;
// with it, a hint opens in place (nothing is reloaded, so nothing typed is lost), and after a check
// the verdict is brought into view and focused, so a phone's reader sees and hears it at once.
(function () {
  function typeset(element) {
    if (window.MathJax && MathJax.typesetPromise) {
      return MathJax.typesetPromise([element]);
    }
    return Promise.resolve();
  }

  function whenTypeset() {
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
      return MathJax.startup.promise;
    }
    return Promise.resolve();
  }

  // Hints: reveal the next one where it stands; the hidden field carries the count to the next post.
  const hintButton = document.getElementById('hint-button');
  const hintsShown = document.getElementById('hints-shown');
  if (hintButton && hintsShown) {
    hintButton.addEventListener('click', (event) => {
      const next = document.querySelector('#hint-list li[hidden]');
      if (!next) {
        return;
      }
      event.preventDefault();
      next.hidden = false;
      hintsShown.value = String(Number(hintsShown.value) + 1);
      typeset(next).then(() => next.focus());
      if (!document.querySelector('#hint-list li[hidden]')) {
        hintButton.hidden = true;
      } else {
        hintButton.textContent = 'Show another hint';
      }
    });
  }

  // Wide formulas scroll inside their box; mark the ones that do, so the page shows a cue.
  function markWide() {
    document.querySelectorAll('.math.display, #problem-function').forEach((box) => {
      const inner = box.querySelector('mjx-container[display="true"]');
      const wide = box.scrollWidth > box.clientWidth + 1 || (inner && inner.scrollWidth > inner.clientWidth + 1);
      box.classList.toggle('scrolls', Boolean(wide));
    });
  }

  // After a post, the element the action was about comes into view, once MathJax has set the page.
  function bringIntoView() {
    const target = document.getElementById('feedback') || document.getElementById('solution')
        || document.querySelector('#hint-list li[data-focus]');
    if (target) {
      target.scrollIntoView({block: 'start'});
      target.focus({preventScroll: true});
    }
  }

  bringIntoView();
  whenTypeset().then(() => {
    markWide();
    bringIntoView();
  });
  window.addEventListener('resize', markWide);
})();
