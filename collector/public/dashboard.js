// The dashboard's one script, served from the collector (the CSP allows scripts from 'self' only).
// Everything works without it; it only adds conveniences: the report's print button, and choosing
// "custom" in the period list when a date is typed.
document.addEventListener('click', (event) => {
  const target = event.target;
  if (target instanceof Element && target.closest('[data-print]')) window.print();
});
document.addEventListener('change', (event) => {
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || (target.name !== 'from' && target.name !== 'to') || !target.value) return;
  const period = target.form && target.form.elements.namedItem('period');
  if (period instanceof HTMLSelectElement) period.value = 'custom';
});
