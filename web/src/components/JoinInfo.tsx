// SPDX-License-Identifier: EUPL-1.2
// How people get in: the link to share, its QR code, and the six-digit code for the start page.

import { t } from '../i18n';
import { CopyLink, qrSrc } from './links';
import { useSession } from './session';

/** "123 456": six digits read in two groups of three. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

export function JoinInfo({ joinUrl, qrSize = 240 }: { joinUrl: string; qrSize?: number }) {
  const { s } = useSession();
  return (
    <div class="invite">
      <div class="invite-text">
        <CopyLink url={joinUrl} label={t('lobby.joinLink')} />
        {s.join_code && (
          <p class="join-code-line">
            {t('lobby.codeLead')} <strong class="join-code">{spacedCode(s.join_code)}</strong>
          </p>
        )}
      </div>
      <figure class="qr">
        <img src={qrSrc(joinUrl)} alt={t('lobby.qrAlt')} width={qrSize} height={qrSize} />
        <figcaption>{t('lobby.qrCaption')}</figcaption>
      </figure>
    </div>
  );
}
