'use client';

import { Box, Button, Flex, FormGroup, Input, Text } from '@bigcommerce/big-design';
import { useState, useTransition } from 'react';
import type { Choice } from '@/lib/choice-lists/types';
import { searchArticlesAction } from '../_actions/search-articles';

/**
 * The article pickers hold the first 200 articles and the ones the settings use; an administration has
 * thousands. This finds others in AccountView and adds them to every article picker on the page.
 */
export function ArticleSearch({ onFound }: { onFound: (choices: Choice[]) => void }) {
  const [term, setTerm] = useState('');
  const [answer, setAnswer] = useState<{ text: string; problem: boolean }>();
  const [pending, startSearch] = useTransition();
  const search = () =>
    startSearch(async () => {
      const found = await searchArticlesAction(term);
      if (!found.ok) return setAnswer({ text: `${found.message} ${found.hint}`.trim(), problem: true });
      onFound(found.choices);
      setAnswer({
        text: found.choices.length === 0 ? `No article in AccountView has "${term.trim()}" in its code or description.` : `${found.choices.length} article(s) found; choose them in the article fields below.`,
        problem: false,
      });
    });
  return (
    <Box marginBottom="large">
      <FormGroup>
        <Input
          data-testid="article-search"
          label="Find an article in AccountView"
          description="The article fields list the first 200 articles; search for any other by part of its code or description."
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') search();
          }}
        />
      </FormGroup>
      <Flex flexGap="0.5rem" alignItems="center" marginTop="xSmall">
        <Button variant="secondary" data-testid="article-search-go" isLoading={pending} disabled={term.trim() === ''} onClick={search}>
          Search
        </Button>
        {answer ? (
          <Text data-testid="article-search-answer" color={answer.problem ? 'danger' : 'secondary60'} role="status">
            {answer.text}
          </Text>
        ) : null}
      </Flex>
    </Box>
  );
}
