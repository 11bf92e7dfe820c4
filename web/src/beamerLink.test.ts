// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { beamerHref, joinUrlFor, parseBeamerFragment } from './beamerLink';

const B = '0.Y8FQ40mdk7TURfEMYcpcIprEtsG4JWUAWNHKmhpUo3o';
const J = 'wOtkpjtgzMgGBS2T8jzwlAQFVswaNJde5UOvDlVfOq4';
const ID = 'NPN4lXUd6uzaHs516MLuJg';

describe('parseBeamerFragment', () => {
  it('reads both tokens, in any order, with or without the #', () => {
    expect(parseBeamerFragment(`#b=${B}&j=${J}`)).toEqual({ beamer: B, join: J });
    expect(parseBeamerFragment(`j=${J}&b=${B}`)).toEqual({ beamer: B, join: J });
    expect(parseBeamerFragment(`#b=${encodeURIComponent(B)}&j=${J}&x=1`)).toEqual({ beamer: B, join: J });
  });

  it('keeps accepting the plain beamer token of the server’s beamer_url, without a QR code', () => {
    expect(parseBeamerFragment(`#${B}`)).toEqual({ beamer: B, join: '' });
    expect(parseBeamerFragment(`#b=${B}`)).toEqual({ beamer: B, join: '' });
    expect(parseBeamerFragment(`#b=${B}&j=`)).toEqual({ beamer: B, join: '' });
  });

  it('ignores what is not a token', () => {
    expect(parseBeamerFragment('')).toEqual({ beamer: '', join: '' });
    expect(parseBeamerFragment('#main')).toEqual({ beamer: '', join: '' });
    expect(parseBeamerFragment('#%E0%A4%A')).toEqual({ beamer: '', join: '' });
    expect(parseBeamerFragment(`#j=${J}`)).toEqual({ beamer: '', join: '' });
    expect(parseBeamerFragment(`#b=${B}&j=a%20b`)).toEqual({ beamer: B, join: '' });
  });
});

describe('beamerHref', () => {
  it('adds the join token to the server’s beamer_url, on the same origin', () => {
    const href = beamerHref(ID, `http://localhost:8080/beamer/${ID}#${B}`, `http://localhost:8080/join/${ID}#${J}`);
    expect(href).toBe(`http://localhost:8080/beamer/${ID}#b=${B}&j=${J}`);
    expect(parseBeamerFragment(new URL(href).hash)).toEqual({ beamer: B, join: J });
  });

  it('falls back to the plain form without a join link', () => {
    expect(beamerHref(ID, `http://x/beamer/${ID}#${B}`, undefined)).toBe(`http://x/beamer/${ID}#${B}`);
  });
});

describe('joinUrlFor', () => {
  it('builds the same link as the server’s join_url', () => {
    expect(joinUrlFor('http://localhost:8080', ID, J)).toBe(`http://localhost:8080/join/${ID}#${J}`);
  });
});
