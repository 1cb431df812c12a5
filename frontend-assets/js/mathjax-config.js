// MathJax 3 configuration. Kept in a static file: Thymeleaf would inline [[ ... ]] in a page script.
window.MathJax = {
  tex: {
    inlineMath: [['\\(', '\\)']],
    displayMath: [['\\[', '\\]']],
    // A transpose is a sans-serif T: at 1x the symbol \top reads like a hairline i. Every page's
    // \top, written by hand or by the engine, follows this one definition.
    macros: {top: '{\\mathsf{T}}'},
  },
  options: {
    // The body is ignored and only elements with class "math" are typeset, so text a student
    // typed (shown escaped elsewhere on a page) is never read as TeX.
    ignoreHtmlClass: 'no-math',
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
