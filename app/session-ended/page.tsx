import { SignedOut } from '@/components/signed-out';

export default function SessionEndedPage() {
  return <SignedOut />;
}
