// MathJax 3 configuration. Kept in a static file: Thymeleaf would inline [[ ... ]] in a page script.
window.MathJax = {
  tex: {
    inlineMath: [['\\(', '\\)']],
    displayMath: [['\\[', '\\]']],
  },
  options: {
    // Only elements with class "math" or inside them are typeset.
    processHtmlClass: 'math',
  },
  startup: {
    pageReady() {
      return MathJax.startup.defaultPageReady().then(() => {
        document.documentElement.dataset.mathjax = 'ready';
      });
    },
  },
};
