// SPDX-License-Identifier: EUPL-1.2
// Ways into a session that people share: a link to copy and its QR code. A leaf module.

import { useState } from 'preact/hooks';
import { t } from '../i18n';

export function qrSrc(text: string): string {
  return `/api/qr.svg?text=${encodeURIComponent(text)}`;
}

export function CopyLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="copy-link">
      <input
        type="text"
        readOnly
        value={url}
        aria-label={label}
        onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
      />
      <button
        type="button"
        class="btn btn-secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied(true);
            window.setTimeout(() => setCopied(false), 2500);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? t('lobby.copied') : t('lobby.copy')}
      </button>
    </div>
  );
}
