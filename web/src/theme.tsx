import { App as AntApp, ConfigProvider } from 'antd';
import thTH from 'antd/es/locale/th_TH';
import type { Locale } from 'antd/es/locale';
import type { ReactNode } from 'react';

/** antd's Thai locale with Buddhist Era years in the date picker's header and year panel. */
const lang = thTH.DatePicker?.lang;
export const thaiLocale: Locale = {
  ...thTH,
  DatePicker:
    thTH.DatePicker && lang
      ? { ...thTH.DatePicker, lang: { ...lang, yearFormat: 'BBBB', cellYearFormat: 'BBBB' } }
      : thTH.DatePicker,
};

/**
 * People who ask their device for less motion get none. It also settles antd's button spinner at once:
 * its leave animation can stall in a background tab, leaving an invisible "loading" in the button's name.
 */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export function ThemeRoot({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={thaiLocale}
      // The click ripple is motion too (it runs even when the motion token is off).
      wave={{ disabled: reducedMotion }}
      theme={{
        token: {
          motion: !reducedMotion,
          fontFamily: "'Sarabun', 'Laksaman', 'Garuda', system-ui, sans-serif",
          fontSize: 15,
          colorPrimary: '#1d4e89',
          colorLink: '#1d4e89',
          borderRadius: 6,
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextDescription: 'rgba(0, 0, 0, 0.68)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          // Darker than antd's defaults so status text and danger buttons reach 4.5:1 on white.
          colorError: '#cf1322',
          colorSuccess: '#237804',
          colorWarning: '#ad6800',
          colorInfo: '#0958d9',
        },
        components: {
          Descriptions: { labelColor: 'rgba(0, 0, 0, 0.68)' },
          Menu: { itemSelectedBg: '#e3ecf7', itemSelectedColor: '#1d4e89', itemActiveBg: '#eef3fa' },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
