import type { ComponentChildren } from 'preact';
import type { Locale } from '../i18n.ts';
import { assetUrl } from '../assets.ts';
import { layoutMessages } from './messages.ts';

export type PageContext = { locale: Locale; path: string; query: Record<string, string> };

export function withLanguage(context: PageContext, locale: Locale): string {
  const params = new URLSearchParams({ ...context.query, lang: locale });
  return `${context.path}?${params.toString()}`;
}

type LayoutProps = {
  context: PageContext;
  title: string;
  children: ComponentChildren;
  /** Reload the page after this many seconds (progress of work in the background, without script). */
  refreshSeconds?: number;
};

export function Layout({ context, title, children, refreshSeconds }: LayoutProps) {
  const text = layoutMessages[context.locale];
  const other: Locale = context.locale === 'nl' ? 'en' : 'nl';
  return (
    <html lang={context.locale} class="utrecht-theme meedoen-theme">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds !== undefined && <meta http-equiv="refresh" content={String(refreshSeconds)} />}
        <title>{`${title} · ${text.siteName}`}</title>
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <link rel="alternate" hreflang={other} href={withLanguage(context, other)} />
      </head>
      <body class="utrecht-document utrecht-document--surface utrecht-body">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
          {text.skipToContent}
        </a>
        <div class="utrecht-page meedoen-page">
          <header class="utrecht-page-header meedoen-header">
            <a class="meedoen-logo" href="/">
              <span class="meedoen-logo__name">{text.siteName}</span>
              <span class="meedoen-logo__tagline">{text.tagline}</span>
            </a>
            <a
              class="utrecht-link meedoen-language"
              href={withLanguage(context, other)}
              hreflang={other}
              lang={other}
              aria-label={text.otherLanguageLabel}
            >
              {text.otherLanguage}
            </a>
          </header>
          <main id="inhoud" class="utrecht-page-content meedoen-main" tabIndex={-1}>
            {children}
          </main>
          <footer class="utrecht-page-footer meedoen-footer">
            <ul class="meedoen-footer__links">
              <li>
                <a class="utrecht-link" href="/bronnen">
                  {text.aboutData}
                </a>
              </li>
              <li>
                <a class="utrecht-link" href="/api/docs">
                  {text.apiDocs}
                </a>
              </li>
            </ul>
            <p class="utrecht-paragraph utrecht-paragraph--small">{text.dataSource}</p>
            <p class="utrecht-paragraph utrecht-paragraph--small">{text.footerLicence}</p>
          </footer>
        </div>
      </body>
    </html>
  );
}
