import { useEffect } from 'react';

/**
 * Tables that scroll sideways on narrow screens must be reachable by keyboard (WCAG 2.1.1; axe
 * `scrollable-region-focusable`): give each overflowing antd table body a tab stop and a name.
 */
export function useFocusableScroll(): void {
  useEffect(() => {
    const mark = (): void => {
      document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body').forEach((el) => {
        const overflowing = el.scrollWidth > el.clientWidth + 1;
        if (overflowing && !el.hasAttribute('tabindex')) {
          el.tabIndex = 0;
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', 'ตาราง (เลื่อนซ้าย-ขวาได้)');
        } else if (!overflowing && el.getAttribute('role') === 'region') {
          el.removeAttribute('tabindex');
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      });
    };
    let frame = 0;
    const schedule = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(mark);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, []);
}
