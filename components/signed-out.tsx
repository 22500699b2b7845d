'use client';

import { H1, Message, Panel, Text } from '@bigcommerce/big-design';

/** What someone sees who reaches the app without a valid control-panel session. */
export function SignedOut() {
  return (
    <Panel>
      <H1>AccountView connector</H1>
      <Message
        type="warning"
        header="You are not signed in"
        messages={[{ text: 'Open this app from the Apps menu of your BigCommerce control panel.' }]}
      />
      <Text marginTop="medium">
        If you just removed the app or your access to it, ask the store owner to give you access again.
      </Text>
    </Panel>
  );
}
