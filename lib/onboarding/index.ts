export { FLOW_SCHEMAS, FLOW_TITLES, isSetupFlow, readSettingsOf, saveAnswers, saveSettingsOf, setFlowSwitch, type FieldProblem, type SaveResult } from './flows';
export { previewLatestOrder, showWrite, type RecordPreview, type ShownWrite } from './order-preview';
export {
  isOnboardingFinished,
  needsOnboarding,
  ONBOARDING_ROW,
  onboardingProgress,
  OnboardingProgressError,
  readOnboarding,
  saveOnboarding,
  SETUP_FLOWS,
  SETUP_STEPS,
  stepIndex,
  type OnboardingProgress,
  type SetupFlow,
  type SetupStep,
} from './progress';
export { answerQuestions, currentAnswers, QUESTION_KEYS } from './questions';
export { switchOnChosenFlows } from './finish';
export { storeFlowSettings, storeOnboarding } from './for-store';
export { previewLatestArticle } from './article-preview';
export { suggestTaxClasses, taxClassQuestion, type TaxClassQuestion } from './tax-classes';
