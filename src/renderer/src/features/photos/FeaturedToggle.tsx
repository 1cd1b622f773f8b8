/** "Jadikan gambar utama" as a toggle, the same in a figure and in the side panel's photo list. */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

interface FeaturedToggleProps {
  featured: boolean;
  /** The element naming the photo, so that the buttons of different photos can be told apart. */
  describedBy: string;
  disabled: boolean;
  className: string;
  onToggle(): void;
}

export function FeaturedToggle({ featured, describedBy, disabled, className, onToggle }: FeaturedToggleProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`btn btn-small btn-quiet ${className}`}
      aria-pressed={featured}
      aria-describedby={describedBy}
      // A title, not the app's CSS tooltip: generated content would become part of the button's name.
      title={featured ? t('photos.featuredToggleHint') : undefined}
      disabled={disabled}
      onClick={onToggle}
    >
      <Icon name={featured ? 'starFilled' : 'star'} size={16} />
      <span>{t('photos.setFeatured')}</span>
    </button>
  );
}
