import { ReturnNoteBanner as ReturnNoteBanner_58b8dbc7901459e6753f8e55f2e6d51a } from '../../../src/admin/components/ReturnNoteBanner'
import { EditSafeguards as EditSafeguards_7afc004ad5a6a88d93d1ae8a3bd3bce7 } from '../../../src/admin/components/EditSafeguards'
import { WebTitleCell as WebTitleCell_35efb5328c15bbfc39d1e08b23d8ffe0 } from '../../../src/admin/components/WebTitleCell'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ArticleLengthField as ArticleLengthField_a09690f36be5eca74923aa8cd19ace64 } from '../../../src/admin/components/ArticleLengthField'
import { WorkflowPanel as WorkflowPanel_eab2dfd971b50d9274cb0da3775417d2 } from '../../../src/admin/components/WorkflowPanel'
import { ProofreadingPanel as ProofreadingPanel_7582ccf335b5e946d365d240b10fb74f } from '../../../src/admin/components/ProofreadingPanel'
import { ArticleViewsCell as ArticleViewsCell_2ae775ad14a797134b1c12ba7c9a1eaf } from '../../../src/admin/components/ArticleViewsCell'
import { ArticleLengthCell as ArticleLengthCell_1acca7fb0ac12a8acc43603625e01842 } from '../../../src/admin/components/ArticleLengthCell'
import { PublishedDeletionWarning as PublishedDeletionWarning_9c149cd77f0d47719db943eb01574197 } from '../../../src/admin/components/PublishedDeletionWarning'
import { WorkflowPublishButton as WorkflowPublishButton_68c8fe52de061d757fab95a579373069 } from '../../../src/admin/components/WorkflowPublishButton'
import { WorkflowStatus as WorkflowStatus_7ace008bb23d62c2589aa54a2d027447 } from '../../../src/admin/components/WorkflowStatus'
import { NoUnpublishButton as NoUnpublishButton_4cc2d340c0695859c322f87527f4470a } from '../../../src/admin/components/NoUnpublishButton'
import { ArticleVersionsView as ArticleVersionsView_48cb925a7bc6c7a4f2a90fc718f35c3a } from '../../../src/admin/components/ArticleVersionsView'
import { ReviewSheetView as ReviewSheetView_773ae8e85f190c303b4bda58f333b62f } from '../../../src/admin/components/ReviewSheetView'
import { RevisionHistoryView as RevisionHistoryView_53638c7416399ac38b1f824fa5a99d8b } from '../../../src/admin/components/RevisionHistoryView'
import { CalendarNavLink as CalendarNavLink_a16fc9a2e1660bfbac73917ee1c83759 } from '../../../src/admin/components/CalendarNavLink'
import { SearchNavLink as SearchNavLink_655013ad33c17b0ca5a24c5d64e5b855 } from '../../../src/admin/components/SearchNavLink'
import { ImportNavLink as ImportNavLink_95e55ce73c925610cd870d45d37e5910 } from '../../../src/admin/components/ImportNavLink'
import { EditorialDashboard as EditorialDashboard_a88cf01e8e26a9e2254cecfa77215c70 } from '../../../src/admin/components/EditorialDashboard'
import { ChineseAccessibleNames as ChineseAccessibleNames_bdd54bfc1d890082c03c9a1a368277e2 } from '../../../src/admin/ChineseAccessibleNames'
import { CalendarView as CalendarView_d13c29b503846c0f18974ccabde28caa } from '../../../src/admin/components/CalendarView'
import { SearchView as SearchView_28365aa7c4b15943b6aebd27757a2783 } from '../../../src/admin/components/SearchView'
import { ImportView as ImportView_6cf2fbb57eaa3c1897dd543231c1c0a0 } from '../../../src/admin/components/ImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/components/ReturnNoteBanner#ReturnNoteBanner": ReturnNoteBanner_58b8dbc7901459e6753f8e55f2e6d51a,
  "/src/admin/components/EditSafeguards#EditSafeguards": EditSafeguards_7afc004ad5a6a88d93d1ae8a3bd3bce7,
  "/src/admin/components/WebTitleCell#WebTitleCell": WebTitleCell_35efb5328c15bbfc39d1e08b23d8ffe0,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/components/ArticleLengthField#ArticleLengthField": ArticleLengthField_a09690f36be5eca74923aa8cd19ace64,
  "/src/admin/components/WorkflowPanel#WorkflowPanel": WorkflowPanel_eab2dfd971b50d9274cb0da3775417d2,
  "/src/admin/components/ProofreadingPanel#ProofreadingPanel": ProofreadingPanel_7582ccf335b5e946d365d240b10fb74f,
  "/src/admin/components/ArticleViewsCell#ArticleViewsCell": ArticleViewsCell_2ae775ad14a797134b1c12ba7c9a1eaf,
  "/src/admin/components/ArticleLengthCell#ArticleLengthCell": ArticleLengthCell_1acca7fb0ac12a8acc43603625e01842,
  "/src/admin/components/PublishedDeletionWarning#PublishedDeletionWarning": PublishedDeletionWarning_9c149cd77f0d47719db943eb01574197,
  "/src/admin/components/WorkflowPublishButton#WorkflowPublishButton": WorkflowPublishButton_68c8fe52de061d757fab95a579373069,
  "/src/admin/components/WorkflowStatus#WorkflowStatus": WorkflowStatus_7ace008bb23d62c2589aa54a2d027447,
  "/src/admin/components/NoUnpublishButton#NoUnpublishButton": NoUnpublishButton_4cc2d340c0695859c322f87527f4470a,
  "/src/admin/components/ArticleVersionsView#ArticleVersionsView": ArticleVersionsView_48cb925a7bc6c7a4f2a90fc718f35c3a,
  "/src/admin/components/ReviewSheetView#ReviewSheetView": ReviewSheetView_773ae8e85f190c303b4bda58f333b62f,
  "/src/admin/components/RevisionHistoryView#RevisionHistoryView": RevisionHistoryView_53638c7416399ac38b1f824fa5a99d8b,
  "/src/admin/components/CalendarNavLink#CalendarNavLink": CalendarNavLink_a16fc9a2e1660bfbac73917ee1c83759,
  "/src/admin/components/SearchNavLink#SearchNavLink": SearchNavLink_655013ad33c17b0ca5a24c5d64e5b855,
  "/src/admin/components/ImportNavLink#ImportNavLink": ImportNavLink_95e55ce73c925610cd870d45d37e5910,
  "/src/admin/components/EditorialDashboard#EditorialDashboard": EditorialDashboard_a88cf01e8e26a9e2254cecfa77215c70,
  "/src/admin/ChineseAccessibleNames#ChineseAccessibleNames": ChineseAccessibleNames_bdd54bfc1d890082c03c9a1a368277e2,
  "/src/admin/components/CalendarView#CalendarView": CalendarView_d13c29b503846c0f18974ccabde28caa,
  "/src/admin/components/SearchView#SearchView": SearchView_28365aa7c4b15943b6aebd27757a2783,
  "/src/admin/components/ImportView#ImportView": ImportView_6cf2fbb57eaa3c1897dd543231c1c0a0,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
