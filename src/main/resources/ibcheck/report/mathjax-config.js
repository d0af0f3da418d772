// MathJax for ibcheck reports: typeset only elements of class "math" (text from theorem files is
// never scanned for delimiters), no links or styles from TeX (ui/safe), and the macros Symja's
// TeXForm writes that MathJax lacks.
window.MathJax = {
  loader: {load: ['ui/safe']},
  tex: {
    inlineMath: [['\\(', '\\)']],
    displayMath: [['\\[', '\\]']],
    processEscapes: false,
    macros: {
      arcsinh: '\\operatorname{arcsinh}',
      arccosh: '\\operatorname{arccosh}',
      arctanh: '\\operatorname{arctanh}',
      arccoth: '\\operatorname{arccoth}',
      arcsech: '\\operatorname{arcsech}',
      arccsch: '\\operatorname{arccsch}',
      arccot: '\\operatorname{arccot}',
      arcsec: '\\operatorname{arcsec}',
      arccsc: '\\operatorname{arccsc}',
      sech: '\\operatorname{sech}',
      csch: '\\operatorname{csch}',
      sgn: '\\operatorname{sgn}'
    }
  },
  options: {ignoreHtmlClass: 'no-math', processHtmlClass: 'math'},
  svg: {fontCache: 'global'}
};
