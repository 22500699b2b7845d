export const webhooksBurst = { name: 'webhooks.burst', async run() { throw new Error('not yet'); } };
