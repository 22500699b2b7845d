import { serve } from 'inngest/next';
import { inngest, inngestFunctions } from '@/lib/engine';
import { handlers } from '@/lib/engine/handlers';

export const { GET, POST, PUT } = serve({ client: inngest, functions: inngestFunctions(handlers) });
