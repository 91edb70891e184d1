import type { EditablePost } from '@/lib/news/posts';
import { renderDocument } from '@/lib/news/render';
import { PostArticle } from './post-article';

/** A post as stored (any state), shown as residents would see it: the preview and the coordinator's review. */
export function SavedPostArticle({ post, headingLevel = 1 }: { post: EditablePost; headingLevel?: 1 | 3 }) {
  return (
    <PostArticle
      title={post.title}
      summary={post.summary}
      html={renderDocument(post.body)}
      organization={post.organization}
      publishedAt={post.status === 'PUBLISHED' ? post.publishedAt : null}
      topics={[]}
      event={post.event ? { ...post.event, service: null } : null}
      headingLevel={headingLevel}
    />
  );
}
