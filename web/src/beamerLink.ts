// SPDX-License-Identifier: EUPL-1.2
// The big screen's link. The server's `beamer_url` carries only the beamer token; the
// facilitator's own link adds the join token, so the beamer can show the join QR code in the
// lobby. Both stay in the fragment, which never reaches a server in a request line.
//
//   /beamer/{id}#b=<beamer token>&j=<join token>   the facilitator's link
//   /beamer/{id}#<beamer token>                     the server's beamer_url: no QR code

export interface BeamerKeys {
  beamer: string;
  join: string;
}

// Tokens are URL-safe base64, the beamer token with a "0." in front (protocol 2.4).
const BEAMER_TOKEN = /^\d+\.[A-Za-z0-9_-]+$/;
const JOIN_TOKEN = /^[A-Za-z0-9_-]+$/;

function decode(text: string): string {
  try {
    return decodeURIComponent(text).trim();
  } catch {
    return '';
  }
}

/** The tokens in a fragment (with or without its '#'); an empty string for any that is absent or malformed. */
export function parseBeamerFragment(hash: string): BeamerKeys {
  const raw = hash.replace(/^#/, '').trim();
  let beamer = '';
  let join = '';
  if (raw.includes('=')) {
    for (const part of raw.split('&')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = decode(part.slice(0, eq));
      const value = decode(part.slice(eq + 1));
      if (key === 'b' && !beamer) beamer = value;
      else if (key === 'j' && !join) join = value;
    }
  } else {
    beamer = decode(raw);
  }
  if (!BEAMER_TOKEN.test(beamer)) return { beamer: '', join: '' };
  return { beamer, join: JOIN_TOKEN.test(join) ? join : '' };
}

function tokenOf(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? '' : decode(url.slice(i + 1));
}

/**
 * The facilitator's link to the big screen: the server's `beamer_url` with the join token added
 * to its fragment. It keeps that URL's origin (the server's public URL), so the join link the
 * beamer builds from its own origin is the server's `join_url`.
 */
export function beamerHref(sessionId: string, beamerUrl: string, joinUrl: string | undefined): string {
  const beamer = tokenOf(beamerUrl);
  const join = joinUrl ? tokenOf(joinUrl) : '';
  const hashAt = beamerUrl.indexOf('#');
  const base = hashAt > 0 ? beamerUrl.slice(0, hashAt) : `/beamer/${encodeURIComponent(sessionId)}`;
  if (!BEAMER_TOKEN.test(beamer)) return beamerUrl;
  if (!JOIN_TOKEN.test(join)) return `${base}#${beamer}`;
  return `${base}#b=${encodeURIComponent(beamer)}&j=${encodeURIComponent(join)}`;
}

/** The join link the beamer shows, on the origin it was opened on. */
export function joinUrlFor(origin: string, sessionId: string, joinToken: string): string {
  return `${origin}/join/${encodeURIComponent(sessionId)}#${joinToken}`;
}
