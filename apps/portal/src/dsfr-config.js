// Settings read by the DSFR script (dsfr.module.min.js, loaded right after this file in the same bundle).
// `production` silences its console banner; add `?production=false` to the URL to see its logs again.
globalThis.dsfr = { production: true };
