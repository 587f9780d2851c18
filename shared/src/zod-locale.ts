import { z } from 'zod';

// Validation messages in Dutch for server and SPA alike: both import the contracts from here.
z.config(z.locales.nl());
