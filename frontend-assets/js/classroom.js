// The teacher's pages: copy buttons for join and re-entry addresses, and a new class's time zone
// preset to the browser's own. Without this script, addresses can be selected and copied by hand.
(function () {
  document.querySelectorAll('button.copy[data-copy]').forEach((button) => {
    if (!navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copy);
        button.textContent = 'Copied';
      } catch (e) {
        button.textContent = 'Select and copy it by hand';
      }
    });
  });

  const zone = document.getElementById('time-zone');
  if (zone && zone.dataset.guess === 'true' && window.Intl) {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (own && Array.from(zone.options).some((o) => o.value === own)) {
      zone.value = own;
    }
  }
})();
