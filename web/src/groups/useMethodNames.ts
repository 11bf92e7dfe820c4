// SPDX-License-Identifier: EUPL-1.2
// The methods' names in the page's language, from the catalogue the server sends once.

import { useEffect, useState } from 'preact/hooks';
import { fetchMethods } from '../api';
import { loc } from '../i18n';
import type { CatalogMethod } from '../types';

export function useMethods(): CatalogMethod[] {
  const [methods, setMethods] = useState<CatalogMethod[]>([]);
  useEffect(() => {
    fetchMethods()
      .then(setMethods)
      .catch(() => undefined);
  }, []);
  return methods;
}

export function methodName(methods: CatalogMethod[], id: string): string {
  const m = methods.find((x) => x.id === id);
  return m ? loc(m.name) : id;
}
