// Imported before Scalar, so that it runs before Scalar's modules do: zod's fast path probes
// `new Function`, a probe the page's CSP (no 'unsafe-eval') refuses and reports. Scalar
// validates its configuration with zod; tell zod not to try.
import { z } from "zod";

z.config({ jitless: true });
